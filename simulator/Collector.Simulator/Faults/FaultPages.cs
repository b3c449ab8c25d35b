namespace Collector.Simulator.Faults;

/// <summary>The junk pages platforms put in front of content: a login wall and a CAPTCHA challenge.</summary>
public static class FaultPages
{
    public static string LoginWall(SimPlatform platform) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Log in or sign up | {{platform}}</title>
        <meta name="robots" content="noindex"></head>
        <body class="login-wall">
        <main id="login" data-testid="login-wall">
          <h1>Log in to continue</h1>
          <p>You need to log in to see this content on {{platform}}.</p>
          <form id="login-form" action="/login" method="post">
            <input type="email" name="username" autocomplete="username" placeholder="Email or username">
            <input type="password" name="password" autocomplete="current-password" placeholder="Password">
            <button type="submit">Log In</button>
          </form>
          <a href="/signup">Sign up</a>
        </main>
        </body></html>
        """;

    public static string Captcha(SimPlatform platform) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Just a moment...</title>
        <meta name="robots" content="noindex,nofollow"></head>
        <body class="challenge">
        <main id="challenge-body">
          <h1>Please verify you are a human</h1>
          <p>{{platform}} needs to check that you are not a robot before you continue.</p>
          <form id="challenge-form" action="/captcha/verify" method="post">
            <div class="g-recaptcha" data-sitekey="6LcSimulatedSiteKey000000000000000000000"></div>
            <div id="captcha-container" class="h-captcha"></div>
            <button type="submit">Verify</button>
          </form>
        </main>
        <script src="/recaptcha/api.js" async defer></script>
        </body></html>
        """;

    public static string Removed(SimPlatform platform) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Content removed | {{platform}}</title></head>
        <body><main><h1>This content is no longer available</h1>
        <p>It was removed by its author or by {{platform}}.</p></main></body></html>
        """;
}
