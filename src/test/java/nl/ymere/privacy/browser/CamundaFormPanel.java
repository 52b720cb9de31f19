package nl.ymere.privacy.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Camunda Form (form-js) rendered in Tasklist. Field ids are {@code <form instance>-<component id>}; a select is
 * not a native {@code <select>} but a display element that opens a dropdown list of labelled items, each picked on
 * mouse-down, with a hidden input beside it.
 */
final class CamundaFormPanel {

  private final WebDriver driver;
  private final WebDriverWait wait;

  CamundaFormPanel(WebDriver driver, WebDriverWait wait) {
    this.driver = driver;
    this.wait = wait;
  }

  /**
   * Picks the option with this label in the select whose component id is {@code componentId} (the form file's
   * {@code id}, e.g. {@code Field_identityMethod}); waits for the field to be shown first, since conditional fields
   * appear only after an earlier choice.
   */
  CamundaFormPanel select(String componentId, String optionLabel) {
    By display = By.cssSelector(".fjs-form [id$='-" + componentId + "-display']");
    WebElement field = wait.until(ExpectedConditions.elementToBeClickable(display));
    WebElement selectField =
        field.findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field-select')][1]"));
    field.click();
    WebElement option = wait.until(ignored -> selectField.findElements(By.cssSelector(".fjs-dropdownlist-item"))
        .stream().filter(item -> item.isDisplayed() && optionLabel.equals(item.getText().trim())).findFirst()
        .orElse(null));
    option.click();
    wait.until(ExpectedConditions.textToBe(display, optionLabel));
    return this;
  }

  /** The label shown in a select, or the placeholder when nothing is chosen. */
  String selected(String componentId) {
    return driver.findElement(By.cssSelector(".fjs-form [id$='-" + componentId + "-display']")).getText();
  }

  /** Ticks the checkbox whose component id is {@code componentId} (left as it is when already ticked). */
  CamundaFormPanel check(String componentId) {
    WebElement box = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector(".fjs-form input[type=checkbox][id$='-" + componentId + "']")));
    if (!box.isSelected()) {
      box.click();
    }
    return this;
  }

  /** Types the text into the text field or text area whose component id is {@code componentId}. */
  CamundaFormPanel type(String componentId, String text) {
    WebElement field = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector(".fjs-form input[id$='-" + componentId + "'], .fjs-form textarea[id$='-" + componentId
            + "']")));
    field.clear();
    field.sendKeys(text);
    return this;
  }
}
