use std::time::Duration;

/// A stand-in for a price service whose answer takes `delay` to arrive.
pub struct Exchange {
    pub delay: Duration,
}

impl Exchange {
    /// Asks the service for the current price: `delay`, then 105.
    pub async fn live_price(&self) -> u32 {
        tokio::time::sleep(self.delay).await;
        105
    }

    /// The last price we saw, at hand without waiting.
    pub fn cached_price(&self) -> u32 {
        100
    }
}
