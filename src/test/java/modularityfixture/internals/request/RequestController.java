package modularityfixture.internals.request;

@org.springframework.web.bind.annotation.RestController
public class RequestController {
}
