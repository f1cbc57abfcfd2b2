{{/*
Base64 value of one key of a chart-managed Secret. Order: the value given in values.yaml, then the value
already stored in the cluster (read with lookup, so an upgrade never regenerates it), then a generated value
on install. An upgrade that would have to generate a value fails instead: a new master key would make every
stored vendor credential unreadable.
(dict "ctx" $ "secret" "<name>" "key" "master-key" "value" "<from values>" "generated" "<random>" "param" "auth.masterKey")
*/}}
{{- define "keygate.secrets.value" -}}
{{- $existing := lookup "v1" "Secret" .ctx.Release.Namespace .secret | default dict -}}
{{- $stored := dig "data" .key "" $existing -}}
{{- if .value -}}
{{- .value | toString | b64enc -}}
{{- else if $stored -}}
{{- $stored -}}
{{- else if .ctx.Release.IsUpgrade -}}
{{- fail (printf "%s: the Secret %s has no key %s and an upgrade never generates one. Set %s, or restore the Secret (helm upgrade --dry-run=server reads it)." .param .secret .key .param) -}}
{{- else -}}
{{- .generated | toString | b64enc -}}
{{- end -}}
{{- end -}}

{{- define "keygate.auth.secretName" -}}
{{- default (include "keygate.fullname" .) .Values.auth.existingSecret -}}
{{- end -}}

{{/* true when the admin bootstrap keys may be read from the auth Secret */}}
{{- define "keygate.auth.hasAdmin" -}}
{{- if or .Values.auth.existingSecret .Values.auth.admin.email -}}true{{- end -}}
{{- end -}}

{{/* Validation of combinations the schema cannot express */}}
{{- define "keygate.validateValues" -}}
{{- if and (not .Values.auth.existingSecret) .Values.auth.admin.email (not .Values.auth.admin.password) -}}
{{- fail "auth.admin.password is required when auth.admin.email is set (or use auth.existingSecret)" -}}
{{- end -}}
{{- if and (not .Values.postgresql.enabled) (not .Values.externalDatabase.existingSecretUrlKey) (not .Values.externalDatabase.host) -}}
{{- fail "externalDatabase.host is required when postgresql.enabled is false (or set externalDatabase.existingSecret with existingSecretUrlKey)" -}}
{{- end -}}
{{- if and (not .Values.postgresql.enabled) (not .Values.externalDatabase.existingSecret) (not .Values.externalDatabase.password) -}}
{{- fail "externalDatabase.password or externalDatabase.existingSecret is required when postgresql.enabled is false" -}}
{{- end -}}
{{- if and .Values.externalDatabase.existingSecretUrlKey (not .Values.externalDatabase.existingSecret) -}}
{{- fail "externalDatabase.existingSecretUrlKey needs externalDatabase.existingSecret" -}}
{{- end -}}
{{- end -}}
