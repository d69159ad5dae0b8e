import asyncio

from vclock import run, vprint

JOBS = [(1, 0.3), (2, 0.1), (3, 0.25), (4, 0.1), (5, 0.3), (6, 0.15)]


class InFlight:
    """Counts the fetches that have started and not yet finished, and
    the most at once."""

    def __init__(self):
        self.now = 0
        self.peak = 0


async def fetch(job_id, seconds, limit, in_flight):
    async with limit:  # at most 3 fetches past this line at once
        in_flight.now += 1
        in_flight.peak = max(in_flight.peak, in_flight.now)
        vprint(f"fetch {job_id}: start ({in_flight.now} in flight)")
        await asyncio.sleep(seconds)
        in_flight.now -= 1
        vprint(f"fetch {job_id}: done")
        return job_id


async def main():
    limit = asyncio.Semaphore(3)
    in_flight = InFlight()
    # Tasks made in a list, in order, so that they start in order.
    tasks = [
        asyncio.create_task(fetch(i, s, limit, in_flight)) for i, s in JOBS
    ]
    for next_done in asyncio.as_completed(tasks):
        vprint(f"main: got {await next_done}")
    vprint(f"main: at most {in_flight.peak} in flight")


run(main())
