// Tests for Sync — being written.
