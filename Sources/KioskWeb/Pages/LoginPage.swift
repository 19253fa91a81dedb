import Markup

/// The operator's sign-in: one field for the token. Posting it sets an HttpOnly, SameSite=Strict
/// cookie, so the dashboard's own requests (`/api/…`, `/export`) carry it without any script
/// seeing it.
enum LoginPage {
    static func html(venueName: String, refused: Bool) -> String {
        let venue = Markup.escape(venueName)
        let note = refused ? #"<p id="refused">凭据不正确 The credential is not correct.</p>"# : ""
        return #"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\#(venue) · 运营登录 Operator sign-in</title>
        <style>
        body { font-family: "Droid Sans Fallback", "Noto Sans CJK SC", sans-serif; margin: 0; background: #eef1f4; color: #1b2530; }
        main { max-width: 420px; margin: 12vh auto; background: #fff; border-radius: 6px; padding: 20px 24px; box-shadow: 0 1px 2px rgba(0,0,0,0.08); }
        h1 { font-size: 18px; margin: 0 0 14px; }
        label { font-size: 13px; color: #5a6877; }
        input { width: 100%; box-sizing: border-box; font-family: monospace; font-size: 14px; padding: 6px; margin: 6px 0 12px; }
        button { font-size: 14px; padding: 6px 14px; }
        #refused { color: #b3141b; font-size: 13px; }
        </style>
        </head>
        <body>
        <main>
        <h1>\#(venue) · 运营登录 Operator sign-in</h1>
        \#(note)
        <form method="post" action="/login">
        <label for="token">运营凭据 Operator credential</label>
        <input id="token" name="token" type="password" autocomplete="off" required>
        <button type="submit">登录 Sign in</button>
        </form>
        </main>
        </body>
        </html>
        """#
    }
}
