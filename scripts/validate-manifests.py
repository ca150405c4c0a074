#!/usr/bin/env python3
"""Offline validation of deploy/kubernetes/: a broken manifest fails CI.

- Built-in kinds (Deployment, Service, ConfigMap, ...) against the Kubernetes OpenAPI schemas
  bundled in the pinned PyPI package `kubernetes-validate` (no network), strict: unknown fields
  are errors, as with `kubectl apply --validate=strict`.
- Custom resources (ScaledObject, TriggerAuthentication, RabbitmqCluster, ServiceMonitor) against
  the `openAPIV3Schema` of their published CRDs, kept in deploy/kubernetes/schemas/ (sources and
  licences in schemas/SOURCES.md), with pinned `jsonschema`. Made strict the same way: an object
  schema with properties and no `x-kubernetes-preserve-unknown-fields` accepts no other keys.
- The project's own rules: every YAML file is listed in kustomization.yaml and vice versa; the
  ConfigMap holds config/*.toml byte for byte (`--write-configmap` regenerates it); the cluster's
  config file names only keys default.toml has; the grace period exceeds the shutdown deadline;
  probes, Service and scaler point at what exists (port, Deployment, input queue); the pod runs
  non-root, read-only, without privilege escalation or capabilities; no Secret values committed.

Usage:
  scripts/validate-manifests.py                   validate deploy/kubernetes
  scripts/validate-manifests.py --self-test       prove that broken copies fail (and the real one passes)
  scripts/validate-manifests.py --write-configmap regenerate configmap.yaml from config/*.toml

Needs: pip install kubernetes-validate==1.37.0 jsonschema==4.26.0 pyyaml==6.0.3
"""

from __future__ import annotations

import argparse
import copy
import shutil
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Callable

import jsonschema
import kubernetes_validate
import yaml

REPO = Path(__file__).resolve().parent.parent
MANIFESTS = REPO / "deploy" / "kubernetes"
CONFIG = REPO / "config"
# The Kubernetes release the built-in kinds are checked against (the oldest we support: the
# PodDisruptionBudget's unhealthyPodEvictionPolicy is GA from 1.31).
KUBERNETES_VERSION = "1.31.0"
CONFIGMAP_FILE = "configmap.yaml"
CONFIGMAP_NAME = "article-enricher-config"
CLUSTER_CONFIG = "kubernetes.toml"
BUILT_IN_GROUPS = {"", "apps", "policy", "batch", "autoscaling", "networking.k8s.io", "rbac.authorization.k8s.io"}


def load_yaml_documents(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [doc for doc in yaml.safe_load_all(f) if doc is not None]


def group_version(api_version: str) -> tuple[str, str]:
    group, _, version = api_version.rpartition("/")
    return group, version


def strict_schema(schema: dict) -> dict:
    """The CRD schema with `additionalProperties: false` wherever the API server would prune
    unknown fields (objects with properties, no additionalProperties, not preserving unknowns)."""
    schema = copy.deepcopy(schema)

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if (
                "properties" in node
                and "additionalProperties" not in node
                and not node.get("x-kubernetes-preserve-unknown-fields")
            ):
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema


def crd_schemas(schema_dir: Path) -> dict[tuple[str, str, str], dict]:
    """(group, version, kind) → strict JSON schema, from every CRD in schema_dir."""
    schemas = {}
    for path in sorted(schema_dir.glob("*.yaml")):
        for crd in load_yaml_documents(path):
            if crd.get("kind") != "CustomResourceDefinition":
                continue
            spec = crd["spec"]
            for version in spec["versions"]:
                schema = version["schema"]["openAPIV3Schema"]
                schemas[(spec["group"], version["name"], spec["names"]["kind"])] = strict_schema(schema)
    return schemas


def configmap_text(config_dir: Path) -> str:
    """configmap.yaml as generated from config/*.toml."""
    header = (
        "# GENERATED from config/*.toml by `scripts/validate-manifests.py --write-configmap`; do not\n"
        "# edit here. The validation fails when this copy drifts from config/. default.toml is also\n"
        "# compiled into the binary (this copy shows every key); kubernetes.toml is the cluster's\n"
        "# overrides, read with `run --config` (deployment.yaml).\n"
    )
    lines = [header, "apiVersion: v1\n", "kind: ConfigMap\n", "metadata:\n", f"  name: {CONFIGMAP_NAME}\n",
             "  labels:\n", "    app.kubernetes.io/name: article-enricher\n", "data:\n"]
    for path in sorted(config_dir.glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        lines.append(f"  {path.name}: |\n")
        lines.extend(f"    {line}\n" if line else "\n" for line in text.rstrip("\n").split("\n"))
    return "".join(lines)


def flatten_keys(table: dict, prefix: str = "") -> dict[str, object]:
    keys = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            keys.update(flatten_keys(value, name + "."))
        else:
            keys[name] = value
    return keys


def effective_config(config_dir: Path) -> dict[str, object]:
    """default.toml with kubernetes.toml over it; errors for keys default.toml does not have."""
    defaults = flatten_keys(tomllib.loads((config_dir / "default.toml").read_text(encoding="utf-8")))
    overrides = flatten_keys(tomllib.loads((config_dir / CLUSTER_CONFIG).read_text(encoding="utf-8")))
    for key, value in overrides.items():
        if key not in defaults:
            raise ValueError(f"config/{CLUSTER_CONFIG}: unknown key {key} (the worker would refuse it)")
        if type(value) is not type(defaults[key]):
            raise ValueError(f"config/{CLUSTER_CONFIG}: {key} is {type(value).__name__}, default.toml has {type(defaults[key]).__name__}")
    return {**defaults, **overrides}


def validate(manifests: Path, config_dir: Path) -> list[str]:
    """Every problem found, as one line each; empty when the manifests are sound."""
    errors: list[str] = []
    kustomization = yaml.safe_load((manifests / "kustomization.yaml").read_text(encoding="utf-8"))
    listed = list(kustomization.get("resources", []))
    present = sorted(p.name for p in manifests.glob("*.yaml") if p.name != "kustomization.yaml")
    for name in sorted(set(listed) - set(present)):
        errors.append(f"kustomization.yaml lists {name}, which does not exist")
    for name in sorted(set(present) - set(listed)):
        errors.append(f"{name} is not listed in kustomization.yaml")

    schemas = crd_schemas(manifests / "schemas")
    resources: dict[tuple[str, str], tuple[str, dict]] = {}
    for name in listed:
        path = manifests / name
        if not path.exists():
            continue
        try:
            documents = load_yaml_documents(path)
        except yaml.YAMLError as error:
            errors.append(f"{name}: not YAML: {error}")
            continue
        for doc in documents:
            if not isinstance(doc, dict) or "apiVersion" not in doc or "kind" not in doc:
                errors.append(f"{name}: a document without apiVersion and kind")
                continue
            kind = doc["kind"]
            label = f"{name}: {kind}/{doc.get('metadata', {}).get('name', '?')}"
            resources[(kind, doc.get("metadata", {}).get("name", ""))] = (name, doc)
            group, version = group_version(doc["apiVersion"])
            if group in BUILT_IN_GROUPS:
                try:
                    kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
                except kubernetes_validate.ValidationError as error:
                    path_text = ".".join(str(p) for p in error.path)
                    errors.append(f"{label}: {path_text}: {error.message}")
                except Exception as error:  # an unknown kind or version
                    errors.append(f"{label}: {error}")
            else:
                schema = schemas.get((group, version, kind))
                if schema is None:
                    errors.append(f"{label}: no CRD schema for {doc['apiVersion']} {kind} in schemas/")
                    continue
                validator = jsonschema.Draft7Validator(schema)
                for error in sorted(validator.iter_errors(doc), key=lambda e: list(e.path)):
                    path_text = ".".join(str(p) for p in error.path)
                    errors.append(f"{label}: {path_text}: {error.message}")

    # The project's rules read fields the schemas vouch for: only on schema-valid manifests.
    if not errors:
        try:
            errors.extend(project_rules(resources, manifests, config_dir))
        except (KeyError, TypeError, AttributeError, IndexError, ValueError) as error:
            errors.append(f"a manifest lacks a field the project's rules read: {error!r}")
    return errors


def project_rules(resources: dict[tuple[str, str], tuple[str, dict]], manifests: Path, config_dir: Path) -> list[str]:
    errors: list[str] = []

    def get(kind: str, name: str) -> dict | None:
        found = resources.get((kind, name))
        if found is None:
            errors.append(f"no {kind} named {name}")
            return None
        return found[1]

    for (kind, name), (file, doc) in resources.items():
        if kind == "Secret" and (doc.get("data") or doc.get("stringData")):
            errors.append(f"{file}: Secret/{name} commits values; reference a Secret instead")

    if (manifests / CONFIGMAP_FILE).read_text(encoding="utf-8") != configmap_text(config_dir):
        errors.append(f"{CONFIGMAP_FILE} differs from config/*.toml: run scripts/validate-manifests.py --write-configmap")
    configmap = get("ConfigMap", CONFIGMAP_NAME)
    if configmap is not None:
        for path in sorted(config_dir.glob("*.toml")):
            if configmap.get("data", {}).get(path.name) != path.read_text(encoding="utf-8"):
                errors.append(f"ConfigMap {CONFIGMAP_NAME}: {path.name} is not config/{path.name}")

    try:
        config = effective_config(config_dir)
    except (ValueError, tomllib.TOMLDecodeError, FileNotFoundError) as error:
        return errors + [str(error)]

    deployment = get("Deployment", "article-enricher")
    if deployment is None:
        return errors
    pod = deployment["spec"]["template"]["spec"]
    grace = pod.get("terminationGracePeriodSeconds", 30)
    if grace * 1000 <= config["worker.shutdown_deadline_ms"]:
        errors.append(f"terminationGracePeriodSeconds {grace} s is not above worker.shutdown_deadline_ms {config['worker.shutdown_deadline_ms']} ms")
    if pod.get("securityContext", {}).get("runAsNonRoot") is not True:
        errors.append("the pod does not set runAsNonRoot")
    bind_port = int(str(config["http.bind"]).rsplit(":", 1)[1])
    for container in pod.get("containers", []):
        name = container.get("name")
        security = container.get("securityContext", {})
        if security.get("readOnlyRootFilesystem") is not True:
            errors.append(f"container {name}: root filesystem not read-only")
        if security.get("allowPrivilegeEscalation") is not False:
            errors.append(f"container {name}: privilege escalation not disabled")
        if security.get("capabilities", {}).get("drop") != ["ALL"]:
            errors.append(f"container {name}: capabilities not all dropped")
        ports = {p.get("name"): p.get("containerPort") for p in container.get("ports", [])}
        if ports.get("metrics") != bind_port:
            errors.append(f"container {name}: port `metrics` is not http.bind's port {bind_port}")
        for probe, path in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")):
            http = container.get(probe, {}).get("httpGet", {})
            if http.get("path") != path or http.get("port") not in ("metrics", bind_port):
                errors.append(f"container {name}: {probe} is not GET {path} on the metrics port")
        for volume_mount in container.get("volumeMounts", []):
            if volume_mount.get("mountPath") == "/etc/article-enricher/config":
                volume = next((v for v in pod.get("volumes", []) if v.get("name") == volume_mount.get("name")), {})
                if volume.get("configMap", {}).get("name") != CONFIGMAP_NAME:
                    errors.append(f"container {name}: the config mount is not ConfigMap {CONFIGMAP_NAME}")
        if f"/etc/article-enricher/config/{CLUSTER_CONFIG}" not in container.get("args", []):
            errors.append(f"container {name}: does not run with --config .../{CLUSTER_CONFIG}")

    service = get("Service", "article-enricher-metrics")
    selector = deployment["spec"]["selector"].get("matchLabels", {})
    labels = deployment["spec"]["template"]["metadata"].get("labels", {})
    if any(labels.get(k) != v for k, v in selector.items()):
        errors.append("the Deployment's selector does not match its pod labels")
    if service is not None:
        if any(labels.get(k) != v for k, v in service["spec"].get("selector", {}).items()):
            errors.append("the Service's selector does not match the worker pods")
        if not any(p.get("name") == "metrics" for p in service["spec"].get("ports", [])):
            errors.append("the Service has no port named metrics")
    monitor = get("ServiceMonitor", "article-enricher")
    if monitor is not None and service is not None:
        service_labels = service["metadata"].get("labels", {})
        if any(service_labels.get(k) != v for k, v in monitor["spec"]["selector"].get("matchLabels", {}).items()):
            errors.append("the ServiceMonitor does not select the metrics Service")
        if any(e.get("port") != "metrics" for e in monitor["spec"].get("endpoints", [])):
            errors.append("the ServiceMonitor scrapes a port other than metrics")
    budget = get("PodDisruptionBudget", "article-enricher")
    if budget is not None and budget["spec"].get("selector", {}).get("matchLabels") != selector:
        errors.append("the PodDisruptionBudget does not select the worker pods")

    scaled = get("ScaledObject", "article-enricher")
    if scaled is not None:
        spec = scaled["spec"]
        if spec["scaleTargetRef"].get("name") != deployment["metadata"]["name"]:
            errors.append("the ScaledObject does not scale the worker Deployment")
        if not 0 < spec.get("minReplicaCount", 0) <= spec.get("maxReplicaCount", 100):
            errors.append("the ScaledObject's replica bounds are not 0 < min <= max")
        for trigger in spec.get("triggers", []):
            metadata = trigger.get("metadata", {})
            if trigger.get("type") != "rabbitmq" or metadata.get("mode") != "QueueLength":
                errors.append("a ScaledObject trigger is not the RabbitMQ scaler in QueueLength mode")
            if metadata.get("queueName") != config["topology.input_queue"]:
                errors.append(f"the scaler watches {metadata.get('queueName')}, not topology.input_queue {config['topology.input_queue']}")
            auth = trigger.get("authenticationRef", {}).get("name")
            if ("TriggerAuthentication", auth) not in resources:
                errors.append(f"the scaler's TriggerAuthentication {auth} is not among the manifests")

    cluster = get("RabbitmqCluster", "article-enricher-rabbitmq")
    if cluster is not None:
        replicas = cluster["spec"].get("replicas", 1)
        if replicas < 3 or replicas % 2 == 0:
            errors.append(f"the RabbitmqCluster has {replicas} replicas: quorum queues need an odd number, at least 3")
        plugins = set(cluster["spec"].get("rabbitmq", {}).get("additionalPlugins", []))
        for plugin in ("rabbitmq_consistent_hash_exchange", "rabbitmq_stream"):
            if plugin not in plugins:
                errors.append(f"the RabbitmqCluster does not enable {plugin}")
        if config["topology.quorum_group_size"] > replicas:
            errors.append("topology.quorum_group_size is larger than the RabbitmqCluster")
    return errors


# Deliberate breakages for --self-test: (what, file, change to its first document).
def _set(path: list, value: object) -> Callable[[dict], None]:
    def change(doc: dict) -> None:
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return change


def _delete(path: list) -> Callable[[dict], None]:
    def change(doc: dict) -> None:
        node = doc
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
    return change


CONTAINER = ["spec", "template", "spec", "containers", 0]
BREAKAGES: list[tuple[str, str, Callable[[dict], None], str]] = [
    ("replicas as a word (built-in schema)", "deployment.yaml", _set(["spec", "replicas"], "two"), "spec.replicas"),
    ("a misspelt container field (strict built-in schema)", "deployment.yaml", _set(CONTAINER + ["imagePullPolcy"], "Always"), "imagePullPolcy"),
    ("Service ports as a string (built-in schema)", "service.yaml", _set(["spec", "ports"], "9471"), "spec.ports"),
    ("a PodDisruptionBudget selector as a string (built-in schema)", "poddisruptionbudget.yaml", _set(["spec", "selector"], "all"), "spec.selector"),
    ("a ScaledObject with minReplicaCount as a word (CRD)", "keda-scaledobject.yaml", _set(["spec", "minReplicaCount"], "two"), "spec.minReplicaCount"),
    ("a ScaledObject trigger without its type (CRD)", "keda-scaledobject.yaml", _delete(["spec", "triggers", 0, "type"]), "'type' is a required property"),
    ("a misspelt ScaledObject field (strict CRD)", "keda-scaledobject.yaml", _set(["spec", "maxReplicas"], 3), "maxReplicas"),
    ("a TriggerAuthentication ref without its key (CRD)", "keda-triggerauthentication.yaml", _delete(["spec", "secretTargetRef", 0, "key"]), "'key' is a required property"),
    ("a RabbitmqCluster with plugins as a string (CRD)", "rabbitmq-cluster.yaml", _set(["spec", "rabbitmq", "additionalPlugins"], "rabbitmq_stream"), "additionalPlugins"),
    ("a ServiceMonitor endpoint with a misspelt field (strict CRD)", "servicemonitor.yaml", _set(["spec", "endpoints", 0, "intervall"], "15s"), "intervall"),
    ("a grace period below the shutdown deadline", "deployment.yaml", _set(["spec", "template", "spec", "terminationGracePeriodSeconds"], 10), "terminationGracePeriodSeconds"),
    ("a writable root filesystem", "deployment.yaml", _set(CONTAINER + ["securityContext", "readOnlyRootFilesystem"], False), "read-only"),
    ("capabilities kept", "deployment.yaml", _delete(CONTAINER + ["securityContext", "capabilities"]), "capabilities"),
    ("a readiness probe on /healthz", "deployment.yaml", _set(CONTAINER + ["readinessProbe", "httpGet", "path"], "/healthz"), "readinessProbe"),
    ("the scaler on another queue", "keda-scaledobject.yaml", _set(["spec", "triggers", 0, "metadata", "queueName"], "articles.other"), "topology.input_queue"),
    ("a RabbitmqCluster of 2 nodes", "rabbitmq-cluster.yaml", _set(["spec", "replicas"], 2), "odd number"),
    ("a RabbitmqCluster without the stream plugin", "rabbitmq-cluster.yaml", _set(["spec", "rabbitmq", "additionalPlugins"], ["rabbitmq_consistent_hash_exchange"]), "rabbitmq_stream"),
]


def self_test() -> int:
    """The real manifests pass; each broken copy fails; a drifted ConfigMap and an unknown key in
    the cluster's config fail."""
    failures = []
    real = validate(MANIFESTS, CONFIG)
    if real:
        failures.append("the committed manifests do not validate:\n  " + "\n  ".join(real))
    cases: list[tuple[str, Callable[[Path, Path], None], str]] = []
    for what, file, change, expected in BREAKAGES:
        def breaker(manifests: Path, _config: Path, file: str = file, change: Callable[[dict], None] = change) -> None:
            path = manifests / file
            docs = load_yaml_documents(path)
            change(docs[0])
            path.write_text(yaml.safe_dump_all(docs, sort_keys=False), encoding="utf-8")
        cases.append((what, breaker, expected))

    def drift(_manifests: Path, config: Path) -> None:
        path = config / "default.toml"
        path.write_text(path.read_text(encoding="utf-8").replace("prefetch = 64", "prefetch = 65"), encoding="utf-8")

    def unknown_key(manifests: Path, config: Path) -> None:
        with (config / CLUSTER_CONFIG).open("a", encoding="utf-8") as f:
            f.write("\n[worker]\nprefech = 32\n")
        # Regenerated, so that only the unknown key is wrong.
        (manifests / CONFIGMAP_FILE).write_text(configmap_text(config), encoding="utf-8")

    def secret_values(manifests: Path, _config: Path) -> None:
        (manifests / "secret.yaml").write_text(
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: article-enricher-amqp\n"
            "stringData:\n  AMQP_URL: amqp://guest:guest@rabbitmq:5672/%2f\n",
            encoding="utf-8",
        )
        kustomization = yaml.safe_load((manifests / "kustomization.yaml").read_text(encoding="utf-8"))
        kustomization["resources"].append("secret.yaml")
        (manifests / "kustomization.yaml").write_text(yaml.safe_dump(kustomization), encoding="utf-8")

    def unlisted(manifests: Path, _config: Path) -> None:
        (manifests / "extra.yaml").write_text("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n", encoding="utf-8")

    def not_yaml(manifests: Path, _config: Path) -> None:
        (manifests / "service.yaml").write_text("apiVersion: v1\nkind: Service\n  metadata: [\n", encoding="utf-8")

    cases += [
        ("config/default.toml changed without the ConfigMap", drift, "differs from config/*.toml"),
        ("an unknown key in config/kubernetes.toml", unknown_key, "unknown key worker.prefech"),
        ("a Secret with its value committed", secret_values, "commits values"),
        ("a manifest kustomization.yaml does not list", unlisted, "not listed in kustomization.yaml"),
        ("a manifest that is not YAML", not_yaml, "not YAML"),
    ]
    for what, breaker, expected in cases:
        with tempfile.TemporaryDirectory(prefix="ae-manifests-") as tmp:
            manifests, config = Path(tmp) / "kubernetes", Path(tmp) / "config"
            shutil.copytree(MANIFESTS, manifests)
            shutil.copytree(CONFIG, config)
            breaker(manifests, config)
            errors = validate(manifests, config)
            matching = [e for e in errors if expected in e]
            if matching:
                print(f"fails as it should: {what}: {matching[0].splitlines()[0]}")
            elif errors:
                failures.append(f"{what}: failed, but not with {expected!r}: {errors}")
            else:
                failures.append(f"a broken copy validated: {what}")
    if failures:
        print("\n".join(failures), file=sys.stderr)
        return 1
    print(f"self-test: the committed manifests validate, {len(cases)} broken copies fail")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--self-test", action="store_true", help="prove that broken copies fail")
    mode.add_argument("--write-configmap", action="store_true", help="regenerate configmap.yaml from config/*.toml")
    args = parser.parse_args()
    if args.write_configmap:
        (MANIFESTS / CONFIGMAP_FILE).write_text(configmap_text(CONFIG), encoding="utf-8")
        print(f"wrote {MANIFESTS / CONFIGMAP_FILE}")
        return 0
    if args.self_test:
        return self_test()
    errors = validate(MANIFESTS, CONFIG)
    if errors:
        print("deploy/kubernetes does not validate:", file=sys.stderr)
        print("\n".join(f"  {e}" for e in errors), file=sys.stderr)
        return 1
    count = len(yaml.safe_load((MANIFESTS / "kustomization.yaml").read_text(encoding="utf-8"))["resources"])
    print(f"deploy/kubernetes: {count} manifests valid (Kubernetes {KUBERNETES_VERSION} schemas, CRDs in schemas/)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
