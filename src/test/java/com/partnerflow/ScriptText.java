package com.partnerflow;

/** Script in user data, and how a page shows it when it is rendered escaped, as text. */
public final class ScriptText {

  public static final String SCRIPT = "<script>alert('pwned')</script>";
  public static final String ESCAPED = "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;";

  private ScriptText() {}
}
