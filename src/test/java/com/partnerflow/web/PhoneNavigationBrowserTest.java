package com.partnerflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BrowserTest;
import com.partnerflow.PartnerflowIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The top bar on a phone (390 px) and on a desktop (1,400 px): below 700 px the navigation folds
 * into a menu that opens, leads to a page and keeps "Sign out" on the screen; the sign-in page
 * leads prospects to the application form.
 */
@BrowserTest
@PartnerflowIntegrationTest
class PhoneNavigationBrowserTest {

  @LocalServerPort int port;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  void signIn(WebDriver browser, WebDriverWait wait) {
    browser.get(url("/login"));
    browser.findElement(By.name("username")).sendKeys("carol");
    browser.findElement(By.name("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
  }

  @Test
  void onAPhoneTheNavigationIsAMenuThatOpensAndLeadsToAPage(WebDriver browser) {
    browser.manage().window().setSize(new Dimension(390, 844));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    signIn(browser, wait);

    WebElement toggle = wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-toggle")));
    WebElement tasks = browser.findElement(By.cssSelector("#site-menu nav a[href='/tasks']"));
    assertThat(tasks.isDisplayed()).isFalse();
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(browser.findElement(By.cssSelector(".topbar")).getSize().getHeight()).isLessThan(80);
    BrowserTest.Chromium.screenshot(browser, "phone-menu-closed");

    toggle.click();
    wait.until(ExpectedConditions.visibilityOf(tasks));
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
    WebElement signOut = browser.findElement(By.cssSelector(".who button"));
    assertThat(signOut.isDisplayed()).isTrue();
    long right =
        (Long)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return Math.ceil(arguments[0].getBoundingClientRect().right);", signOut);
    assertThat(right).isLessThanOrEqualTo(390);
    assertThat(overflowing(browser)).isEmpty();
    BrowserTest.Chromium.screenshot(browser, "phone-menu-open");

    tasks.click();
    wait.until(ExpectedConditions.urlContains("/tasks"));
    assertThat(browser.findElement(By.id("nav-toggle")).getAttribute("aria-expanded"))
        .isEqualTo("false");
    // The task table scrolls inside its own box; the page itself does not scroll sideways.
    assertThat(overflowing(browser)).isEmpty();
  }

  @Test
  void onADesktopTheNavigationIsAlwaysShown(WebDriver browser) {
    browser.manage().window().setSize(new Dimension(1400, 900));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    signIn(browser, wait);
    assertThat(browser.findElement(By.id("nav-toggle")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.cssSelector("#site-menu nav a[href='/tasks']")).isDisplayed())
        .isTrue();
    assertThat(browser.findElement(By.cssSelector(".who button")).isDisplayed()).isTrue();
  }

  @Test
  void theSignInPageLeadsProspectsToTheApplication(WebDriver browser) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get(url("/login"));
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Become a partner"))).click();
    wait.until(ExpectedConditions.urlToBe(url("/apply")));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Apply to the partner program");
  }

  /** Elements that reach past the right edge of the screen, making the page scroll sideways. */
  @SuppressWarnings("unchecked")
  private static java.util.List<String> overflowing(WebDriver browser) {
    return (java.util.List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                """
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) return [];
                return [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > width + 1
                    && !e.closest('.table-scroll'))
                  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/ +/g, '.') : ''))
                  .slice(0, 10);
                """);
  }
}
