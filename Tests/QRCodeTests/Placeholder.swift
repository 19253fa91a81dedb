// Tests for QRCode — being written.
