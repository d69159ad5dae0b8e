import asyncio

from vclock import run, vprint

# (id, seconds, fails): job 3 fails after 150 ms.
JOBS = [
    (1, 0.5, False),
    (2, 0.1, False),
    (3, 0.15, True),
    (4, 0.1, False),
    (5, 0.1, False),
]


async def job(job_id, seconds, fails, limit, cancelled):
    async with limit:  # at most 2 jobs past this line at once
        vprint(f"job {job_id}: start")
        try:
            await asyncio.sleep(seconds)
        except asyncio.CancelledError:
            # Noted, not printed: a TaskGroup cancels its tasks in the
            # order of a set, which changes from run to run.
            cancelled.append(job_id)
            raise
        if fails:
            vprint(f"job {job_id}: failed")
            raise ValueError(f"job {job_id} failed")
        vprint(f"job {job_id}: done")


async def main():
    limit = asyncio.Semaphore(2)
    cancelled = []
    try:
        async with asyncio.TaskGroup() as group:
            for job_id, seconds, fails in JOBS:
                group.create_task(
                    job(job_id, seconds, fails, limit, cancelled)
                )
    except* ValueError as failed:
        vprint(f"main: {failed.exceptions[0]!r}")
    vprint(f"main: cancelled before they finished: {sorted(cancelled)}")


run(main())
