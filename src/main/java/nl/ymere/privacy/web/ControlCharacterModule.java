package nl.ymere.privacy.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Every text of a JSON body of the product's API ({@code /api}, Spring's ObjectMapper) is checked against
 * {@link ControlCharacters}: a control character it may not have is refused with 400 problem+json naming the field
 * (issue 14 finding 6, DESIGN principle 7), before any service runs, so nothing is stored.
 */
@Component
public class ControlCharacterModule extends SimpleModule {

  public ControlCharacterModule() {
    super("privacy-control-characters");
    addDeserializer(String.class, new CheckedStringDeserializer());
  }

  /** The refusal, with the Dutch message; {@link ApiExceptionHandler} names the field by the body's path. */
  static final class ControlCharacterException extends InvalidFormatException {

    ControlCharacterException(JsonParser parser, String message) {
      super(parser, message, null, String.class);
    }
  }

  private static final class CheckedStringDeserializer extends StdScalarDeserializer<String> {

    CheckedStringDeserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      String problem = ControlCharacters.problem(fieldName(parser.getParsingContext()), value);
      if (problem != null) {
        throw new ControlCharacterException(parser, problem);
      }
      return value;
    }

    /** The property the text belongs to; for an element of a list of texts, the list's property. */
    private static String fieldName(JsonStreamContext context) {
      for (JsonStreamContext at = context; at != null; at = at.getParent()) {
        if (at.getCurrentName() != null) {
          return at.getCurrentName();
        }
      }
      return null;
    }
  }
}
