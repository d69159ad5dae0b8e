use crate::Sensor;
use async_stream::stream;
use futures::Stream;
use std::sync::Arc;

/// Up to `count` readings, each handed over as soon as it is taken.
pub fn readings(
    sensor: Arc<Sensor>,
    count: u32,
) -> impl Stream<Item = u32> {
    stream! {
        for _ in 0..count {
            yield sensor.read().await;
        }
    }
}
