package io.sei.operator.planner.task;

/**
 * Params of {@code observe-image}: once the pod runs {@code image}, stamp {@code
 * status.currentImage = image}.
 */
public record ObserveImageParams(String image) implements TaskParams {
  public ObserveImageParams {
    Require.text(image, "image");
  }
}
