package org.ebpfexporter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The estimates Prometheus's histogram_quantile gives for the same buckets, worked by hand. */
class BucketQuantileTest {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double[] BOUNDS = {1, 2, 4, 8, INF};

  @Test
  void interpolatesLinearlyWithinTheBucketHoldingTheRank() {
    // 10 observations: 2 up to 1, 4 in (1,2], 3 in (2,4], 1 in (4,8].
    long[] cumulative = {2, 6, 9, 10, 10};
    // rank 5 lies in (1,2], 3 of its 4 observations: 1 + 1 * 3/4.
    assertEquals(1.75, BucketQuantile.estimate(0.5, BOUNDS, cumulative), 1e-12);
    // rank 9 is the last of (2,4]: its upper bound.
    assertEquals(4.0, BucketQuantile.estimate(0.9, BOUNDS, cumulative), 1e-12);
    // rank 9.9 lies in (4,8], 0.9 of its 1 observation: 4 + 4 * 0.9.
    assertEquals(7.6, BucketQuantile.estimate(0.99, BOUNDS, cumulative), 1e-12);
    // rank 1 in the first bucket, whose lower bound is 0: 0 + 1 * 1/2.
    assertEquals(0.5, BucketQuantile.estimate(0.1, BOUNDS, cumulative), 1e-12);
  }

  @Test
  void aRankInTheInfBucketGivesTheHighestFiniteBound() {
    long[] cumulative = {0, 0, 0, 1, 10};
    assertEquals(8.0, BucketQuantile.estimate(0.5, BOUNDS, cumulative));
  }

  @Test
  void aFirstBoundAtOrBelowZeroIsTheEstimate() {
    assertEquals(0.0, BucketQuantile.estimate(0.5, new double[] {0, 1, INF}, new long[] {4, 5, 5}));
  }

  @Test
  void noEstimateWithoutObservationsInfBucketOrTwoBuckets() {
    assertEquals(Double.NaN, BucketQuantile.estimate(0.5, BOUNDS, new long[] {0, 0, 0, 0, 0}));
    assertEquals(Double.NaN, BucketQuantile.estimate(0.5, new double[] {1, 2}, new long[] {1, 2}));
    assertEquals(Double.NaN, BucketQuantile.estimate(0.5, new double[] {INF}, new long[] {3}));
    assertEquals(Double.NaN, BucketQuantile.estimate(Double.NaN, BOUNDS, new long[] {1, 1, 1, 1, 1}));
  }

  @Test
  void quantilesOutsideZeroToOneAreInfinite() {
    long[] cumulative = {1, 1, 1, 1, 1};
    assertEquals(Double.NEGATIVE_INFINITY, BucketQuantile.estimate(-0.1, BOUNDS, cumulative));
    assertEquals(INF, BucketQuantile.estimate(1.1, BOUNDS, cumulative));
  }
}
