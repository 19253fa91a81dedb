// Tests for Capture — being written.
