import asyncio

from vclock import run, vprint

JOBS = [(1, 0.04), (2, 0.1), (3, 0.08), (4, 0.06)]


async def fetch(job_id, seconds, limit):
    async with limit:  # at most 2 fetches past this line at once
        vprint(f"fetch {job_id}: start")
        await asyncio.sleep(seconds)
        vprint(f"fetch {job_id}: half done")
        await asyncio.sleep(seconds)
        vprint(f"fetch {job_id}: done")
        return job_id


async def process(job_id):
    vprint(f"main: processing {job_id}")
    await asyncio.sleep(0.1)


async def main():
    limit = asyncio.Semaphore(2)
    # Every fetch is a task: the event loop runs it whether or not main is
    # waiting for it.
    tasks = [asyncio.create_task(fetch(i, s, limit)) for i, s in JOBS]
    for task in tasks:  # results in input order, as buffered gives them
        await process(await task)
    vprint("main: all done")


run(main())
