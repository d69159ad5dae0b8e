"""asyncio on a virtual clock: the twin of the `vclock` crate and of tokio's paused clock.

`run(main())` runs a coroutine on an event loop whose clock moves only when every task is
waiting; the loop then jumps straight to the next timer instead of sleeping. `vprint(...)`
prints like `print`, with the virtual milliseconds since `run` started in front.
"""

import asyncio
import selectors


# ANCHOR: loop
class _JumpingSelector(selectors.DefaultSelector):
    """Where a normal loop would block until its next timer, move the clock there instead."""

    def __init__(self, loop):
        super().__init__()
        self._loop = loop

    def select(self, timeout=None):
        ready = super().select(0)
        if ready or timeout is None:
            # Nothing is due on the clock: wait for real I/O (a thread handing back a result).
            return ready or super().select(None)
        self._loop.virtual_now += max(timeout, 0)
        return ready


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        self.virtual_now = 0.0
        super().__init__(selector=_JumpingSelector(self))

    def time(self):
        return self.virtual_now


def run(main):
    """Like `asyncio.run(main)`, on a virtual clock that starts at 0 ms."""
    with asyncio.Runner(loop_factory=VirtualTimeLoop) as runner:
        return runner.run(main)


def vprint(*args):
    """`print`, with the virtual time in front: `[  300 ms] a: done`."""
    now_ms = round(asyncio.get_running_loop().time() * 1000)
    print(f"[{now_ms:>5} ms]", *args)
# ANCHOR_END: loop
