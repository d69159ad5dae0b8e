"""asyncio on a virtual clock, like tokio's paused clock: `vclock`'s twin.

`run(main())` runs a coroutine on an event loop whose clock moves only when
every task is waiting; the loop then jumps straight to the next timer
instead of sleeping. `vprint(...)` prints like `print`, with the virtual
milliseconds since `run` started in front.

With `VCLOCK_REAL_TIME=1` in the environment, `run` and `VirtualTimeLoop`
give asyncio's own event loop instead, on the real clock, and `vprint`
stamps real milliseconds. The test harness uses it to check that no twin's
order of lines depends on the virtual clock (see the README).
"""

import asyncio
import os
import selectors


# ANCHOR: loop
class _JumpingSelector(selectors.DefaultSelector):
    """Where a normal loop would block until its next timer, move the
    clock there instead."""

    def __init__(self, loop):
        super().__init__()
        self._loop = loop

    def select(self, timeout=None):
        ready = super().select(0)
        if ready or timeout == 0:
            return ready  # callbacks are ready to run: never wait
        if timeout is None or self._loop.threads_running:
            # Nothing is due on the clock, or a thread is still working (as
            # tokio's paused clock waits for spawn_blocking): wait for real
            # I/O, a thread handing back its result.
            return super().select(None)
        self._loop.virtual_now += max(timeout, 0)
        return ready


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    started_at = 0.0  # the virtual clock starts at 0

    def __init__(self):
        self.virtual_now = 0.0
        # Jobs handed to threads with run_in_executor or to_thread.
        self.threads_running = 0
        super().__init__(selector=_JumpingSelector(self))

    def time(self):
        return self.virtual_now

    def run_in_executor(self, executor, func, *args):
        self.threads_running += 1
        future = super().run_in_executor(executor, func, *args)
        future.add_done_callback(self._thread_done)
        return future

    def _thread_done(self, _future):
        self.threads_running -= 1


def run(main):
    """Like `asyncio.run(main)`, on a virtual clock that starts at 0 ms."""
    with asyncio.Runner(loop_factory=VirtualTimeLoop) as runner:
        return runner.run(main)


def vprint(*args):
    """`print`, with the virtual time in front: `[  300 ms] a: done`."""
    loop = asyncio.get_running_loop()
    now_ms = round((loop.time() - loop.started_at) * 1000)
    print(f"[{now_ms:>5} ms]", *args)
# ANCHOR_END: loop


class _RealTimeLoop(asyncio.SelectorEventLoop):
    """asyncio's own event loop, unchanged, remembering when it was made."""

    def __init__(self):
        super().__init__()
        self.started_at = self.time()


if os.environ.get("VCLOCK_REAL_TIME") == "1":
    VirtualTimeLoop = _RealTimeLoop
