Feature: Bad specs are refused when they are submitted
  A chain operator gets an answer the moment a SeiNode or SeiNodeDeployment is submitted:
  the Kubernetes API server checks every rule of the resource definitions itself, so a spec
  the operator could not act on is refused with a message saying what to fix, and never
  reaches the operator.

  Scenario Outline: a <kind> that <violation> is refused
    When I submit a <kind> that <violation>
    Then it is refused because "<message>"

    Examples: what a node must say about itself
      | kind     | violation                                            | message                                                   |
      | SeiNode  | is both a full node and an archive node              | exactly one of fullNode, archive or validator must be set |
      | SeiNode  | says neither full node, archive nor validator        | exactly one of fullNode, archive or validator must be set |
      | SeiNode  | restores both an S3 snapshot and a state-sync snapshot | a snapshot source sets exactly one of s3 or stateSync   |
      | SeiNode  | is a validator whose snapshot names no source        | a snapshot source sets exactly one of s3 or stateSync     |
      | SeiNode  | lists a peer source that is both static and by label | a peer source sets exactly one of static or label         |

    Examples: validator keys
      | kind     | violation                                        | message                                                        |
      | SeiNode  | has a signing key but no node key                | signingKey and nodeKey must be set together                    |
      | SeiNode  | keeps its signing key and node key in one Secret | signingKey and nodeKey must name distinct Secrets              |
      | SeiNode  | switches its signing key to another Secret       | validator.signingKey.secret.secretName is immutable once set   |
      | SeiNode  | drops its signing key                            | validator.signingKey.secret.secretName is immutable once set   |
      | SeiNode  | switches its node key to another Secret          | validator.nodeKey.secret.secretName is immutable once set      |

    Examples: bootstraps into an upgrade
      | kind     | violation                                            | message                                                                                                                      |
      | SeiNode  | bootstraps into an upgrade without a target height   | s3.upgradeName needs s3.targetHeight of at least 2: the bootstrap stops for the upgrade at targetHeight, after restoring a snapshot below it |

    Examples: data volumes
      | kind     | violation                            | message                                         |
      | SeiNode  | moves to another imported data volume | dataVolume.import.pvcName is immutable once set |

    Examples: deployments
      | kind              | violation                                                              | message                                                                                                   |
      | SeiNodeDeployment | is a HardFork without a halt height                                    | hardFork must be set exactly when type is HardFork                                                        |
      | SeiNodeDeployment | is InPlace but carries HardFork settings                               | hardFork must be set exactly when type is HardFork                                                        |
      | SeiNodeDeployment | is a HardFork at halt height 0                                         | hardFork.haltHeight must be greater than 0                                                                |
      | SeiNodeDeployment | is a HardFork whose nodes state-sync instead of restoring an S3 snapshot | a HardFork deployment needs an S3 snapshot source in its template (fullNode.snapshot.s3 or validator.snapshot.s3) |
      | SeiNodeDeployment | runs one signing key on 2 validators                                   | replicas must be 1 when the template sets validator.signingKey: one key on two pods double-signs        |
      | SeiNodeDeployment | switches its deletion policy from Retain to Delete                      | deletionPolicy is immutable: it decided who owns the nodes' data volumes when they were created             |
      | SeiNodeDeployment | imports one PVC for every node                                         | template.spec.dataVolume.import is not allowed: every node of the group would mount the one imported PVC, and several seids would write one data directory |

  Scenario Outline: a <kind> that <spec> is accepted
    When I submit a <kind> that <spec>
    Then it is accepted

    Examples:
      | kind              | spec                                                                  |
      | SeiNode           | is a full node restoring an S3 snapshot                               |
      | SeiNode           | bootstraps into upgrade v6.4.0 at height 100                          |
      | SeiNode           | is a validator with its signing and node keys in two Secrets          |
      | SeiNode           | gives a running observer its signing and node keys                    |
      | SeiNodeDeployment | is a HardFork of 2 full nodes restoring an S3 snapshot at halt height 120 |
      | SeiNodeDeployment | runs one signing key on 1 validator                                   |
