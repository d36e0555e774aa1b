/**
 * Mean fraction of their upload capacity that peers used: for each peer with a positive
 * capacity and time online, bytes uploaded / (capacity × time online), averaged.
 */
export function meanUploadUtilisation(
  bytesUploaded: ArrayLike<number>, capacity: ArrayLike<number>, onlineTime: ArrayLike<number>,
): number | null {
  let sum = 0, count = 0;
  for (let i = 0; i < bytesUploaded.length; i++) {
    const budget = capacity[i] * onlineTime[i];
    if (!(budget > 0)) continue;
    sum += bytesUploaded[i] / budget;
    count++;
  }
  return count > 0 ? sum / count : null;
}
