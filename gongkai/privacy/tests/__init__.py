"""Tests for the personal-information scanner."""
