package nl.ymere.privacy.camera;

import java.util.Map;
import nl.ymere.privacy.process.ProductCalls;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts {@code camera-protocol} for a request filed through {@code POST /api/cameras}: the row is stored first (all
 * checks, CAM-1/5/7), then the process starts with the caller's engine authorizations and only codes as variables.
 * One transaction: a refused request or a failed start leaves no row and no instance (DESIGN principle 7).
 */
@Service
public class CameraProtocolStarter {

  private final CameraProtocolService protocols;
  private final RuntimeService runtime;

  CameraProtocolStarter(CameraProtocolService protocols, RuntimeService runtime) {
    this.protocols = protocols;
    this.runtime = runtime;
  }

  @Transactional
  public CameraProtocol start(CameraRequest request, String user) {
    CameraProtocol registered = protocols.register(request, user, null);
    var instance = ProductCalls.call(() -> runtime.startProcessInstanceByKey(CameraProtocolProcess.KEY, registered.reference(), Map.of(
        CameraProtocolProcess.Variables.REFERENCE.name(), registered.reference(),
        CameraProtocolProcess.Variables.COVERT.name(), registered.covert(),
        CameraProtocolProcess.Variables.LOCATION_TYPE.name(), registered.locationType())));
    protocols.setProcessInstanceId(registered.reference(), instance.getId());
    return protocols.find(registered.reference()).orElseThrow();
  }
}
