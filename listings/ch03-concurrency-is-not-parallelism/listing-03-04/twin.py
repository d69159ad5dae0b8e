import asyncio
import threading


class Gauge:
    """The gauge of Listing 3-1, with a lock: now real threads update it."""

    def __init__(self):
        self.now = 0
        self.max = 0
        self.lock = threading.Lock()

    def enter(self):
        with self.lock:
            self.now += 1
            self.max = max(self.max, self.now)

    def leave(self):
        with self.lock:
            self.now -= 1


async def main():
    running = Gauge()
    barrier = threading.Barrier(2)

    # A plain function, run in a thread of the default executor.
    def meet(name):
        running.enter()
        # A safety limit only: the other thread arrives at once.
        barrier.wait(timeout=5)
        running.leave()
        return name

    for name in await asyncio.gather(
        asyncio.to_thread(meet, "a"), asyncio.to_thread(meet, "b")
    ):
        print(f"function {name} passed the barrier")
    print(f"functions running at once, at most: {running.max}")


asyncio.run(main())
