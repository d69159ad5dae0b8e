use exercise_2_1::{Sensor, readings};
use futures::StreamExt;
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;

#[tokio::test(start_paused = true)]
async fn yields_every_reading_in_order() {
    let all: Vec<u32> =
        readings(Arc::new(Sensor::default()), 5).collect().await;
    assert_eq!(all, [21, 22, 23, 24, 25]);
}

#[tokio::test(start_paused = true)]
async fn the_first_reading_arrives_after_100_ms() {
    let start = Instant::now();
    let mut stream = pin!(readings(Arc::new(Sensor::default()), 5));
    assert_eq!(stream.next().await, Some(21));
    assert_eq!(start.elapsed(), Duration::from_millis(100));
}

#[tokio::test(start_paused = true)]
async fn taking_two_reads_the_sensor_twice_in_200_ms() {
    let sensor = Arc::new(Sensor::default());
    let start = Instant::now();
    let first_two: Vec<u32> =
        readings(Arc::clone(&sensor), 5).take(2).collect().await;
    assert_eq!(first_two, [21, 22]);
    assert_eq!(start.elapsed(), Duration::from_millis(200));
    assert_eq!(sensor.reads(), 2);
}
