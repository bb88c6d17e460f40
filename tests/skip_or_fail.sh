#!/bin/sh
# A test that cannot run here fails with the reason, unless the test command
# was told to skip it: CAPSANTE_SKIP_TESTS holds a comma-separated list of
# what may be missing (node, browser, shared-data, import-modules; or all).
# Then it exits 77, which ctest reports as skipped (SKIP_RETURN_CODE 77).
# usage: skip_or_fail.sh WHAT REASON
what="$1"
reason="$2"
case ",${CAPSANTE_SKIP_TESTS:-}," in
  *",$what,"*|*",all,"*)
    echo "SKIP (CAPSANTE_SKIP_TESTS=${CAPSANTE_SKIP_TESTS}): $reason"
    exit 77
    ;;
esac
echo "ÉCHEC : $reason"
echo "(pour sauter ce test volontairement : CAPSANTE_SKIP_TESTS=$what ; voir docs/testing.md)"
exit 1
