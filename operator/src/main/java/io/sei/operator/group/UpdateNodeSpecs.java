package io.sei.operator.group;

import io.sei.operator.api.Labels;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.planner.deploy.EntrantNodes;
import io.sei.operator.planner.task.InvalidTaskException;
import io.sei.operator.planner.task.UpdateNodeSpecsParams;
import io.sei.operator.task.Progress;
import io.sei.operator.task.TerminalTaskException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code update-node-specs} (InPlace): gives every named SeiNode the template's spec and the new
 * revision label; each node then converges through its own node-update plan.
 */
final class UpdateNodeSpecs {
  Progress run(GroupContext context, UpdateNodeSpecsParams params) {
    SeiNodeSpec spec;
    try {
      spec = EntrantNodes.entrantSpec(context.snd().getSpec().getTemplate().getSpec(), null);
    } catch (InvalidTaskException e) {
      throw new TerminalTaskException(e.getMessage());
    }
    for (String name : params.nodeNames()) {
      context
          .client()
          .resources(SeiNode.class)
          .inNamespace(params.namespace())
          .withName(name)
          .edit(
              node -> {
                node.setSpec(spec);
                var labels =
                    new HashMap<>(
                        node.getMetadata().getLabels() == null
                            ? Map.<String, String>of()
                            : node.getMetadata().getLabels());
                labels.put(Labels.REVISION, params.revision());
                node.getMetadata().setLabels(labels);
                return node;
              });
    }
    return Progress.done();
  }
}
