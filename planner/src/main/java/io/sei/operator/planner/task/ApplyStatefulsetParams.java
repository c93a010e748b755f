package io.sei.operator.planner.task;

/**
 * Params of {@code apply-statefulset}: server-side apply the production StatefulSet, rendered from
 * the live SeiNode with {@code image} as the seid image (the image this plan rolls out).
 */
public record ApplyStatefulsetParams(String image) implements TaskParams {
  public ApplyStatefulsetParams {
    Require.text(image, "image");
  }
}
