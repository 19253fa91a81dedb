import Hummingbird

/// `GET /metrics` — Prometheus text exposition of the kiosk's counters and gauges.
struct MetricsRoute: Sendable {
    let screens: KioskScreens

    func add(to router: Router<ScreensRequestContext>) {
        let board = screens.board
        router.get("/metrics") { _, _ in
            let text = PrometheusText.render(await board.snapshot())
            return Response(status: .ok, headers: [.contentType: PrometheusText.contentType],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
    }
}
