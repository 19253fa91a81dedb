import Markup

/// The operator dashboard: scans per 5 minutes (an SVG drawn by the page's own script), the
/// accept / deny split, non-green ratio, occupancy, the outbox and sync, the trust list's age,
/// the camera and the reader's health. Polls `/api/status` and `/api/aggregates` every 2 s and
/// refreshes at once on every decision (`/events`). Self-contained, like the visitor screen.
enum DashboardPage {
    static func html(venueName: String, deviceID: String, hours: Int) -> String {
        let venue = Markup.escape(venueName), device = Markup.escape(deviceID)
        return #"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\#(venue) · 运营面板 Dashboard</title>
        <style>
        body { margin: 0; font-family: "Noto Sans CJK SC", "Droid Sans Fallback", sans-serif; background: #f3f5f7; color: #1c2630; }
        header { background: #1d3547; color: #fff; padding: 12px 20px; display: flex; justify-content: space-between; align-items: baseline; }
        header h1 { font-size: 20px; margin: 0; }
        header .sub { font-size: 13px; opacity: 0.8; }
        main { padding: 14px 20px; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; }
        .tile { background: #fff; border-radius: 6px; padding: 10px 12px; box-shadow: 0 1px 2px rgba(0,0,0,0.08); }
        .tile .label { font-size: 12px; color: #5a6877; }
        .tile .value { font-size: 24px; font-weight: 600; margin-top: 4px; }
        .tile .note { font-size: 12px; color: #5a6877; margin-top: 2px; min-height: 14px; }
        .tile.warn { background: #fff4e0; }
        .tile.bad { background: #fde6e7; }
        .accept { color: #0a7d32; } .deny { color: #b3141b; }
        section { margin-top: 14px; background: #fff; border-radius: 6px; padding: 10px 12px; box-shadow: 0 1px 2px rgba(0,0,0,0.08); }
        section h2 { font-size: 14px; margin: 0 0 6px; }
        #chart { width: 100%; height: 180px; display: block; }
        #last-decision { font-size: 14px; }
        .dot { display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 6px; vertical-align: middle; }
        .dot.green { background: #0a7d32; } .dot.amber { background: #c77700; } .dot.red { background: #b3141b; }
        a { color: #1d5f8c; }
        #error { color: #b3141b; font-size: 13px; }
        </style>
        </head>
        <body data-hours="\#(hours)" data-updated="0">
        <header><h1>\#(venue) · 运营面板 Operator dashboard</h1><span class="sub">设备 Device \#(device) · <span id="clock"></span> · <span id="link">连接中 Connecting</span></span></header>
        <main>
        <div class="grid">
          <div class="tile"><div class="label">通过 Accepted</div><div class="value accept" id="accepted">—</div><div class="note" id="window-note"></div></div>
          <div class="tile"><div class="label">拒绝 Denied</div><div class="value deny" id="denied">—</div><div class="note" id="split"></div></div>
          <div class="tile"><div class="label">非绿码比例 Non-green</div><div class="value" id="non-green">—</div><div class="note" id="repeats"></div></div>
          <div class="tile"><div class="label">场内人数 Occupancy</div><div class="value" id="occupancy">—</div><div class="note" id="decisions"></div></div>
          <div class="tile" id="outbox-tile"><div class="label">待上传 Outbox</div><div class="value" id="outbox">—</div><div class="note" id="oldest"></div></div>
          <div class="tile" id="rejected-tile"><div class="label">上游拒收 Rejected upstream</div><div class="value" id="rejected">—</div><div class="note" id="rejected-note"></div></div>
          <div class="tile" id="sync-tile"><div class="label">上次同步 Last sync</div><div class="value" id="last-sync">—</div><div class="note" id="sync-note"></div></div>
          <div class="tile" id="trust-tile"><div class="label">信任列表 Trust list age</div><div class="value" id="trust-age">—</div><div class="note" id="trust-note"></div></div>
          <div class="tile" id="camera-tile"><div class="label">摄像头 Camera fps</div><div class="value" id="fps">—</div><div class="note" id="dropped"></div></div>
          <div class="tile" id="zbar-tile"><div class="label">zbar 不一致 Disagreements</div><div class="value" id="zbar">—</div><div class="note" id="zbar-checks"></div></div>
          <div class="tile" id="faults-tile"><div class="label">硬件故障 Hardware faults</div><div class="value" id="faults">—</div><div class="note" id="last-fault"></div></div>
        </div>
        <section><h2>每 5 分钟扫码 Scans per 5 minutes (<span id="hours-label"></span>)</h2><svg id="chart" role="img" aria-label="scans per 5 minutes"></svg></section>
        <section><h2>最近一次 Last decision</h2><div id="last-decision">—</div></section>
        <section><h2>导出 Export</h2><a id="export-csv" href="/export?format=csv">CSV</a> · <a id="export-json" href="/export?format=json">JSON</a> · <a href="/metrics">/metrics</a> <span id="error"></span></section>
        </main>
        <script>
        (function () {
          'use strict';
          var hours = Number(document.body.getAttribute('data-hours')) || 12;
          var updates = 0;
          var svgNS = 'http://www.w3.org/2000/svg';
          function byId(id) { return document.getElementById(id); }
          function setText(id, value) { byId(id).textContent = value; }
          function dash(v) { return v === null || v === undefined ? '—' : String(v); }
          function age(seconds) {
            if (seconds === null || seconds === undefined) { return '—'; }
            var s = Math.max(0, Math.round(seconds));
            if (s < 60) { return s + ' s'; }
            if (s < 3600) { return Math.floor(s / 60) + ' min'; }
            if (s < 172800) { return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min'; }
            return Math.floor(s / 86400) + ' d';
          }
          function mark(id, cls) { byId(id).className = 'tile' + (cls ? ' ' + cls : ''); }
          function renderStatus(s) {
            var m = s.metrics;
            setText('occupancy', dash(m.occupancy));
            setText('decisions', '本次运行 since start: ' + m.decisions + ' (' + m.allowed + ' / ' + m.denied + ')');
            setText('outbox', dash(s.outboxDepth));
            setText('oldest', s.oldestUnsyncedSeconds === null || s.oldestUnsyncedSeconds === undefined ? '无积压 nothing waiting' : '最早 oldest ' + age(s.oldestUnsyncedSeconds));
            mark('outbox-tile', s.diskAlarm ? 'bad' : (s.oldestUnsyncedSeconds > 3600 ? 'warn' : ''));
            setText('rejected', dash(s.rejectedRecords));
            setText('rejected-note', s.uploadRejectAlarm ? '⚠ 仅存本机 kept here only' + (s.lastRejection ? ' — ' + s.lastRejection : '') : '');
            mark('rejected-tile', s.uploadRejectAlarm ? 'bad' : '');
            if (s.lastSyncAt) {
              setText('last-sync', age((Date.parse(s.now) - Date.parse(s.lastSyncAt)) / 1000) + ' 前 ago');
            } else { setText('last-sync', '从未 never'); }
            setText('sync-note', s.lastSyncError ? s.lastSyncError : (s.syncDelivered !== undefined && s.syncDelivered !== null ? '已上传 delivered ' + s.syncDelivered : '未配置上游 no upstream'));
            mark('sync-tile', s.lastSyncError ? 'warn' : '');
            setText('trust-age', s.trustAgeSeconds === null || s.trustAgeSeconds === undefined ? '—' : age(s.trustAgeSeconds));
            setText('trust-note', s.trustStale ? '⚠ 已过期 STALE — 请更新 update the trust list' : (s.trustVersion ? 'v' + s.trustVersion : '本地密钥 local keys'));
            mark('trust-tile', s.trustStale ? 'bad' : '');
            setText('fps', m.fps.toFixed(1));
            setText('dropped', '丢帧 dropped ' + m.droppedFrames + ' · 帧 frames ' + m.frames);
            mark('camera-tile', m.cameraErrors > 0 ? 'warn' : '');
            setText('zbar', String(m.zbarDisagreements));
            setText('zbar-checks', '核对 checks ' + m.zbarChecks);
            mark('zbar-tile', m.zbarDisagreements > 0 ? 'warn' : '');
            setText('faults', String(m.hardwareFaults));
            setText('last-fault', m.lastHardwareFault || '');
            mark('faults-tile', m.hardwareFaults > 0 ? 'bad' : '');
          }
          function renderAggregates(a) {
            setText('accepted', String(a.outcomes.accepted));
            setText('denied', String(a.outcomes.denied));
            setText('window-note', '近 last ' + a.hours + ' h · 共 total ' + a.outcomes.total);
            var decided = a.outcomes.accepted + a.outcomes.denied;
            setText('split', decided ? Math.round(100 * a.outcomes.accepted / decided) + '% / ' + Math.round(100 * a.outcomes.denied / decided) + '%' : '');
            setText('non-green', a.nonGreenRatio === null || a.nonGreenRatio === undefined ? '—' : (100 * a.nonGreenRatio).toFixed(1) + '%');
            setText('repeats', '重复 repeat visitors ' + a.repeatVisits.repeatVisitors + ' / ' + a.repeatVisits.distinctVisitors);
            setText('hours-label', '近 last ' + a.hours + ' h');
            byId('export-csv').href = '/export?format=csv&from=' + encodeURIComponent(a.from) + '&to=' + encodeURIComponent(a.to);
            byId('export-json').href = '/export?format=json&from=' + encodeURIComponent(a.from) + '&to=' + encodeURIComponent(a.to);
            drawChart(a);
          }
          function drawChart(a) {
            var svg = byId('chart');
            var width = Math.max(320, Math.round(svg.getBoundingClientRect().width) || 960), height = 180, pad = 24;
            svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
            while (svg.firstChild) { svg.removeChild(svg.firstChild); }
            var step = a.bucketSeconds * 1000;
            var from = Date.parse(a.from), to = Date.parse(a.to);
            var count = Math.max(1, Math.ceil((to - from) / step));
            var byStart = {};
            a.buckets.forEach(function (b) { byStart[b.startMillis] = b; });
            var max = 1;
            a.buckets.forEach(function (b) { max = Math.max(max, b.total); });
            var barWidth = (width - 2 * pad) / count;
            function rect(x, y, w, h, fill, cls) {
              var r = document.createElementNS(svgNS, 'rect');
              r.setAttribute('x', x); r.setAttribute('y', y); r.setAttribute('width', w); r.setAttribute('height', h);
              r.setAttribute('fill', fill);
              if (cls) { r.setAttribute('class', cls); }
              svg.appendChild(r);
            }
            function label(x, y, text, anchor) {
              var t = document.createElementNS(svgNS, 'text');
              t.setAttribute('x', x); t.setAttribute('y', y); t.setAttribute('font-size', '11'); t.setAttribute('fill', '#5a6877');
              t.setAttribute('text-anchor', anchor || 'start');
              t.textContent = text;
              svg.appendChild(t);
            }
            var plot = height - 2 * pad;
            rect(pad, height - pad, width - 2 * pad, 1, '#9aa7b4');
            for (var i = 0; i < count; i++) {
              var b = byStart[from + i * step];
              if (!b) { continue; }
              var x = pad + i * barWidth, w = Math.max(1, barWidth - 1);
              var ha = plot * b.accepted / max, hd = plot * b.denied / max;
              rect(x, height - pad - ha, w, ha, '#0a7d32', 'bar-accepted');
              rect(x, height - pad - ha - hd, w, hd, '#b3141b', 'bar-denied');
            }
            function hm(ms) { return new Date(ms).toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit' }); }
            label(pad, height - 6, hm(from));
            label(width - pad, height - 6, hm(to), 'end');
            label(pad, pad - 8, 'max ' + max + ' / 5 min');
          }
          function showDecision(e) {
            var line = byId('last-decision');
            line.textContent = '';
            var dot = document.createElement('span');
            dot.className = 'dot ' + e.screen;
            line.appendChild(dot);
            line.appendChild(document.createTextNode(
              new Date(Date.parse(e.at)).toLocaleTimeString('zh-CN', { hour12: false }) + ' · #' + e.id + ' · ' + e.outcome + ' · ' +
              e.message.chinese + ' ' + e.message.english + (e.name ? ' · ' + e.name : '') + ' · ' + (e.latencyMicros / 1000).toFixed(1) + ' ms'));
          }
          function getJSON(url) {
            return fetch(url, { cache: 'no-store' }).then(function (r) {
              if (!r.ok) { return r.json().then(function (j) { throw new Error(j.error || ('HTTP ' + r.status)); }); }
              return r.json();
            });
          }
          var polling = false;
          function poll() {
            if (polling) { return; }
            polling = true;
            Promise.all([getJSON('/api/status'), getJSON('/api/aggregates?hours=' + hours)])
              .then(function (results) {
                renderStatus(results[0]);
                renderAggregates(results[1]);
                setText('error', '');
                updates += 1;
                document.body.setAttribute('data-updated', String(updates));
              })
              .catch(function (err) { setText('error', String(err.message || err)); })
              .then(function () { polling = false; setText('clock', new Date().toLocaleTimeString('zh-CN', { hour12: false })); });
          }
          poll();
          setInterval(poll, 2000);
          var source = new EventSource('/events');
          source.onopen = function () { setText('link', '● 实时 live'); };
          source.onerror = function () { setText('link', '重新连接 reconnecting'); };
          source.onmessage = function (m) {
            try { showDecision(JSON.parse(m.data)); } catch (err) { return; }
            poll();
          };
        })();
        </script>
        </body>
        </html>

        """#
    }
}
