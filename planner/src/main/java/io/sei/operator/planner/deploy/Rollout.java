package io.sei.operator.planner.deploy;

import io.sei.operator.planner.task.CreateEntrantNodesParams;
import java.util.List;
import java.util.Optional;

/**
 * Everything a strategy needs to write a rollout plan.
 *
 * @param entrantRevision template hash being rolled out
 * @param image seid image of the new template
 * @param incumbentNodes nodes serving now
 * @param entrantNodes nodes to create ({@code <snd>-g<generation>-<i>}); empty for InPlace
 * @param staleNodes entrants of a superseded or failed earlier rollout, torn down with the
 *     incumbents
 * @param hardFork the HardFork injection, present for HardFork only
 * @param validatorKeys the template gives a signing validator its keys: entrants are created
 *     without them and get them only after the incumbents' pods are gone
 */
public record Rollout(
    String groupName,
    String namespace,
    String entrantRevision,
    String image,
    List<String> incumbentNodes,
    List<String> entrantNodes,
    List<String> staleNodes,
    Optional<CreateEntrantNodesParams.HardFork> hardFork,
    boolean validatorKeys) {

  public Rollout {
    incumbentNodes = List.copyOf(incumbentNodes);
    entrantNodes = List.copyOf(entrantNodes);
    staleNodes = List.copyOf(staleNodes);
  }
}
