import asyncio

from vclock import run, vprint


async def one():
    yield 1


async def ask(label, iterator):
    try:
        vprint(f"{label}: {await anext(iterator)}")
    except StopAsyncIteration:
        vprint(f"{label}: StopAsyncIteration")


async def main():
    generated = one()
    await ask("async generator", generated)
    await ask("async generator", generated)
    await ask("async generator, asked again", generated)


run(main())
