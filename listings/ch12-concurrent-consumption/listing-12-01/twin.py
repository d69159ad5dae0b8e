import asyncio

from vclock import run, vprint


async def readings():
    for n in range(1, 4):
        await asyncio.sleep(0.2)  # waiting for a sensor
        yield n * 10


async def heartbeat():
    for beat in range(1, 4):
        await asyncio.sleep(0.25)
        vprint(f"heartbeat {beat}")


async def main():
    beating = asyncio.create_task(heartbeat())
    async for value in readings():
        vprint(f"reading {value}")
    await beating


run(main())
