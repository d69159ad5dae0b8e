import asyncio


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


async def worker(in_progress, running):
    in_progress.enter()
    for _ in range(3):
        running.enter()
        crunch()
        running.leave()
        await asyncio.sleep(0)  # let the others have a turn
    in_progress.leave()


async def main():
    in_progress, running = Gauge(), Gauge()
    tasks = [
        asyncio.create_task(worker(in_progress, running)) for _ in range(4)
    ]
    for task in tasks:
        await task
    print(f"tasks in progress at once, at most: {in_progress.max}")
    print(f"tasks running code at once, at most: {running.max}")


asyncio.run(main())
