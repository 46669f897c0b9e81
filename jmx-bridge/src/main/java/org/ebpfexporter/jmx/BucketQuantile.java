package org.ebpfexporter.jmx;

/**
 * Estimates a quantile from cumulative bucket counts the way Prometheus's
 * {@code histogram_quantile} does: find the bucket holding the rank {@code q·count} and
 * interpolate linearly between its lower and upper bound, as if its observations were spread
 * evenly. The result is an estimate whose error is bounded by the width of that bucket.
 *
 * <ul>
 *   <li>The last bound must be {@code +Inf}, there must be at least two buckets and at least one
 *       observation; otherwise the estimate is NaN.
 *   <li>A rank in the {@code +Inf} bucket gives the highest finite bound.
 *   <li>The first bucket's lower bound is 0, unless its upper bound is 0 or below, which is then
 *       the estimate.
 * </ul>
 */
final class BucketQuantile {
  private BucketQuantile() {}

  /**
   * @param q the quantile, between 0 and 1
   * @param upperBounds ascending upper bounds, {@code +Inf} last
   * @param cumulative observations less than or equal to each bound
   * @return the estimate, or NaN when the buckets do not allow one
   */
  static double estimate(double q, double[] upperBounds, long[] cumulative) {
    int n = upperBounds.length;
    if (Double.isNaN(q) || n < 2 || upperBounds[n - 1] != Double.POSITIVE_INFINITY) {
      return Double.NaN;
    }
    if (q < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q > 1) {
      return Double.POSITIVE_INFINITY;
    }
    long observations = cumulative[n - 1];
    if (observations <= 0) {
      return Double.NaN;
    }
    double rank = q * observations;
    int b = 0;
    while (b < n - 1 && cumulative[b] < rank) {
      b++;
    }
    if (b == n - 1) {
      return upperBounds[n - 2];
    }
    if (b == 0 && upperBounds[0] <= 0) {
      return upperBounds[0];
    }
    double start = 0;
    double inBucket = cumulative[b];
    if (b > 0) {
      start = upperBounds[b - 1];
      inBucket -= cumulative[b - 1];
      rank -= cumulative[b - 1];
    }
    return start + (upperBounds[b] - start) * (rank / inBucket);
  }
}
