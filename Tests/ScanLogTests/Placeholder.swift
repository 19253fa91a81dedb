// Tests for ScanLog — being written.
