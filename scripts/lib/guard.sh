# guard.sh — sourced by every process-level test. Two promises a test makes to whoever reads CI:
#   1. it never fails silently: any failing command prints the test's name, the line, the command
#      and its exit status (instead of a bare `set -e` exit);
#   2. it never leaves children behind: on exit, on Ctrl-C and on the TERM that `timeout` sends,
#      the test's own cleanup runs first (thaw, unmount, …) and then every process it started is
#      killed.
#
# Use:   source "$ROOT/scripts/lib/guard.sh"; guard_init NAME [cleanup-function]
#        guard_step "what the next lines do"   # named in the failure message
#        guard_fail "reason"                   # print "NAME: <step>: reason" and exit 1
set -Eeuo pipefail

GUARD_NAME=script
GUARD_STEP="start-up"
GUARD_CLEANUP=""
GUARD_CLEANED=""

guard_step() { GUARD_STEP=$1; }

guard_fail() {
    echo "$GUARD_NAME: FAILED at step '$GUARD_STEP': $*" >&2
    exit 1
}

# Kills every descendant of this shell (children first found, then theirs), SIGTERM then SIGKILL.
guard_kill_children() {
    local pids=() queue=($$) pid kids
    while [ ${#queue[@]} -gt 0 ]; do
        pid=${queue[0]}
        queue=("${queue[@]:1}")
        kids=$(ps -o pid= --ppid "$pid" 2>/dev/null || true)
        for kid in $kids; do
            [ "$kid" = "$BASHPID" ] && continue
            pids+=("$kid")
            queue+=("$kid")
        done
    done
    [ ${#pids[@]} -eq 0 ] && return 0
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for _ in $(seq 1 20); do
        kill -0 "${pids[@]}" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "${pids[@]}" 2>/dev/null || true
}

guard_on_exit() {
    local status=$?
    [ -n "$GUARD_CLEANED" ] && return
    GUARD_CLEANED=1
    set +e
    disown -a 2>/dev/null # the kills below are on purpose: no "Killed …" job notices
    [ -n "$GUARD_CLEANUP" ] && "$GUARD_CLEANUP"
    guard_kill_children
    exit "$status"
}

guard_on_signal() {
    echo "$GUARD_NAME: stopped by SIG$1 at step '$GUARD_STEP' (time limit reached?)" >&2
    exit 124
}

guard_on_error() {
    local status=$1 line=$2 command=$3
    echo "$GUARD_NAME: FAILED at step '$GUARD_STEP' (line $line): \`$command\` exited $status" >&2
}

guard_init() {
    GUARD_NAME=$1
    GUARD_CLEANUP=${2:-}
    trap 'guard_on_error $? $LINENO "$BASH_COMMAND"' ERR
    trap guard_on_exit EXIT
    trap 'guard_on_signal TERM' TERM
    trap 'guard_on_signal INT' INT
    trap 'guard_on_signal HUP' HUP
}

# wait_gone PID SECONDS — waits for a (killed) child to be reaped, bounded in time; fails the test
# with the step named if it does not go (a process stuck in the kernel, e.g. on a frozen disk).
wait_gone() {
    local pid=$1 limit=$2 waited=0
    # No job notice ("Killed …") for a kill the test made on purpose; the shell still reaps it.
    disown "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do
        if [ "$(ps -o stat= -p "$pid" 2>/dev/null | cut -c1)" = "Z" ]; then break; fi
        [ "$waited" -ge $((limit * 10)) ] && guard_fail "process $pid did not exit within ${limit}s (state $(ps -o stat=,wchan= -p "$pid" 2>/dev/null))"
        sleep 0.1
        waited=$((waited + 1))
    done
}
