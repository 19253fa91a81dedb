// Tests for Upstream — being written.
