import asyncio

from vclock import run


class Asked:
    """The highest number the source was asked for."""

    def __init__(self):
        self.last = 0


async def numbers(asked):
    for n in range(1, 21):
        asked.last = n
        yield n


async def label(n):
    await asyncio.sleep(0.01)  # an async step, say a lookup
    return f"#{n}"


async def chunks(items, size):
    batch = []
    async for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


async def take(items, count):
    async for item in items:
        yield item
        count -= 1
        if count == 0:
            return  # stop without asking `items` for another one


async def main():
    asked = Asked()
    tens = (n * 10 async for n in numbers(asked) if n % 3 == 0)
    labels = (await label(n) async for n in tens)
    batches = [batch async for batch in take(chunks(labels, 2), 2)]
    print(batches)
    print(f"the source was asked for numbers up to {asked.last}")


run(main())
