/**
 * Holds a feed at a manual price through the price service's admin endpoint (`POST /admin/prices`).
 * The service answers once the first update carrying the price is published, so a keeper or the
 * app fetching the latest price afterwards sees it.
 */
export async function setPrice(priceServiceUrl: string, symbol: string, price: string): Promise<void> {
  const response = await fetch(new URL("/admin/prices", priceServiceUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: symbol, price }),
  });
  if (!response.ok) {
    throw new Error(
      `POST /admin/prices ${symbol}=${price} failed: HTTP ${response.status} ${await response.text()}`,
    );
  }
}
