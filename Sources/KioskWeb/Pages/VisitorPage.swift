import Markup

/// The visitor screen: one full-screen colour panel, readable from two metres — green (enter),
/// amber (enter, with a note), red (refused) — with the masked name, the reason in Chinese and
/// English, and the venue. Self-contained (no fonts, scripts or styles from elsewhere): the kiosk
/// may have no network at all.
///
/// How it stays current: on load it asks `/api/latest` (a result younger than the idle time is
/// shown for the rest of it), then listens on `/events`; after `idleSeconds` without a new
/// decision it returns to "please show your pass".
enum VisitorPage {
    static func html(venueName: String, idleSeconds: Int) -> String {
        let venue = Markup.escape(venueName)
        return #"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\#(venue) · Threshold</title>
        <style>
        html, body { margin: 0; height: 100%; font-family: "Noto Sans CJK SC", "Droid Sans Fallback", "WenQuanYi Micro Hei", sans-serif; }
        body { background: #10202c; color: #fff; overflow: hidden; }
        #panel { position: fixed; inset: 0; display: flex; flex-direction: column; justify-content: center; align-items: center;
                 text-align: center; padding: 4vh 4vw; box-sizing: border-box; transition: background-color 80ms linear; }
        #panel.state-idle { background: #1d3547; }
        #panel.state-green { background: #0a7d32; }
        #panel.state-amber { background: #c77700; }
        #panel.state-red { background: #b3141b; }
        #venue { position: absolute; top: 3vh; left: 0; right: 0; font-size: 4vh; opacity: 0.85; }
        #headline-zh { font-size: 14vh; font-weight: 700; line-height: 1.1; }
        #headline-en { font-size: 6vh; margin-top: 1vh; }
        #holder { font-size: 7vh; margin-top: 4vh; letter-spacing: 0.05em; }
        #holder:empty { display: none; }
        #name { margin-right: 0.6em; }
        #reason-zh { font-size: 6vh; margin-top: 3vh; }
        #reason-en { font-size: 4vh; margin-top: 1vh; opacity: 0.95; }
        #warnings { list-style: none; padding: 0; margin: 3vh 0 0; font-size: 3.5vh; }
        #warnings li { background: rgba(0, 0, 0, 0.25); border-radius: 1vh; padding: 0.6vh 2vw; margin-top: 1vh; }
        #footer { position: absolute; bottom: 2vh; left: 3vw; right: 3vw; display: flex; justify-content: space-between;
                  font-size: 2.6vh; opacity: 0.75; }
        #link.offline { color: #ffd24d; }
        </style>
        </head>
        <body data-idle="\#(idleSeconds)">
        <main id="panel" class="state-idle" data-event="">
          <div id="venue">\#(venue)</div>
          <div id="headline-zh">请出示通行码</div>
          <div id="headline-en">Please show your pass</div>
          <div id="holder"></div>
          <div id="reason-zh"></div>
          <div id="reason-en"></div>
          <ul id="warnings"></ul>
          <div id="footer"><span id="clock"></span><span id="link" class="offline">连接中… / Connecting…</span></div>
        </main>
        <script>
        (function () {
          'use strict';
          var idleMs = (Number(document.body.getAttribute('data-idle')) || 8) * 1000;
          var panel = document.getElementById('panel');
          var shownUntil = 0;
          var cursor = '';
          var headlines = {
            idle: ['请出示通行码', 'Please show your pass'],
            green: ['请通行', 'Please enter'],
            amber: ['请通行 · 请留意提示', 'Please enter — see the note'],
            red: ['禁止通行', 'Entry refused']
          };
          function byId(id) { return document.getElementById(id); }
          function setText(id, value) { byId(id).textContent = value || ''; }
          function setHeadline(key) { setText('headline-zh', headlines[key][0]); setText('headline-en', headlines[key][1]); }
          function show(e, forMs) {
            var state = headlines[e.screen] ? e.screen : 'red';
            panel.className = 'state-' + state;
            panel.setAttribute('data-event', String(e.id));
            setHeadline(state);
            var holder = byId('holder');
            holder.textContent = '';
            if (e.name) { var n = document.createElement('span'); n.id = 'name'; n.textContent = e.name; holder.appendChild(n); }
            if (e.idTail) { var t = document.createElement('span'); t.id = 'id-tail'; t.textContent = 'ID ' + e.idTail; holder.appendChild(t); }
            setText('reason-zh', e.message && e.message.chinese);
            setText('reason-en', e.message && e.message.english);
            var list = byId('warnings');
            list.textContent = '';
            (e.warnings || []).forEach(function (w) {
              var li = document.createElement('li');
              li.textContent = w.chinese + ' · ' + w.english;
              list.appendChild(li);
            });
            if (e.venueName) { setText('venue', e.venueName); }
            shownUntil = Date.now() + forMs;
          }
          function idle() {
            panel.className = 'state-idle';
            setHeadline('idle');
            ['holder', 'reason-zh', 'reason-en', 'warnings'].forEach(function (id) { byId(id).textContent = ''; });
          }
          function tick() {
            if (panel.className !== 'state-idle' && Date.now() >= shownUntil) { idle(); }
            setText('clock', new Date().toLocaleTimeString('zh-CN', { hour12: false }));
          }
          function connect() {
            var source = new EventSource('/events' + (cursor ? '?after=' + encodeURIComponent(cursor) : ''));
            source.onopen = function () { var l = byId('link'); l.className = 'online'; l.textContent = '● 在线 / Live'; };
            source.onerror = function () { var l = byId('link'); l.className = 'offline'; l.textContent = '重新连接中… / Reconnecting…'; };
            source.onmessage = function (m) {
              var e;
              try { e = JSON.parse(m.data); } catch (err) { return; }
              show(e, idleMs);
            };
          }
          idle();
          tick();
          setInterval(tick, 250);
          fetch('/api/latest', { cache: 'no-store' })
            .then(function (r) { return r.json(); })
            .then(function (j) {
              if (j.event) {
                var age = Date.parse(j.now) - Date.parse(j.event.at);
                if (age >= 0 && age < idleMs) { show(j.event, idleMs - age); }
                cursor = j.cursor || '';
              }
            })
            .catch(function () {})
            .then(connect);
        })();
        </script>
        </body>
        </html>

        """#
    }
}
