// Tests for ThresholdCLI — being written.
