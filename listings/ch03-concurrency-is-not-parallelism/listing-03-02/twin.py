import asyncio
import threading


class Gauge:
    """Counts how many tasks are inside a section right now, and
    remembers the most it saw."""

    def __init__(self):
        self.now = 0
        self.max = 0

    def enter(self):
        self.now += 1
        self.max = max(self.max, self.now)

    def leave(self):
        self.now -= 1


def crunch():
    """Work that keeps the CPU busy and never awaits."""
    return sum(range(10_000))


async def worker(in_progress, running, threads):
    in_progress.enter()
    for _ in range(3):
        threads.add(threading.get_ident())  # which thread runs this step
        running.enter()
        crunch()
        running.leave()
        await asyncio.sleep(0)
    in_progress.leave()


async def main():
    in_progress, running, threads = Gauge(), Gauge(), set()
    await asyncio.gather(
        *(worker(in_progress, running, threads) for _ in range(4))
    )
    print(f"coroutines in progress at once, at most: {in_progress.max}")
    print(f"coroutines running code at once, at most: {running.max}")
    print(f"threads that ran them: {len(threads)}")


asyncio.run(main())
