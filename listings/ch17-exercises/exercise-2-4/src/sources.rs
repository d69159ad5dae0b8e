use async_stream::stream;
use futures::Stream;
use std::time::Duration;
use tokio::time::sleep;

/// A thermometer: a reading every 300 ms, four in all.
pub fn temperatures() -> impl Stream<Item = String> {
    stream! {
        for celsius in [19, 20, 21, 22] {
            sleep(Duration::from_millis(300)).await;
            yield format!("{celsius} C");
        }
    }
}

/// A door sensor: an event every 500 ms, three in all.
pub fn door() -> impl Stream<Item = String> {
    stream! {
        for event in ["door opened", "door closed", "door opened"] {
            sleep(Duration::from_millis(500)).await;
            yield event.to_string();
        }
    }
}
