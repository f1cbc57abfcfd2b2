{{/* Names ---------------------------------------------------------------- */}}

{{- define "keygate.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "keygate.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "keygate.api.fullname" -}}
{{- printf "%s-api" (include "keygate.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "keygate.dashboard.fullname" -}}
{{- printf "%s-dashboard" (include "keygate.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "keygate.migration.fullname" -}}
{{- printf "%s-migrate" (include "keygate.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "keygate.postgresql.fullname" -}}
{{- printf "%s-postgresql" (include "keygate.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "keygate.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels --------------------------------------------------------------- */}}

{{- define "keygate.labels" -}}
helm.sh/chart: {{ include "keygate.chart" . }}
{{ include "keygate.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: keygate
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "keygate.selectorLabels" -}}
app.kubernetes.io/name: {{ include "keygate.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of one component: (dict "ctx" $ "component" "api") */}}
{{- define "keygate.componentLabels" -}}
{{ include "keygate.labels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "keygate.componentSelectorLabels" -}}
{{ include "keygate.selectorLabels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* commonAnnotations, rendered as the body of an annotations map */}}
{{- define "keygate.commonAnnotations" -}}
{{- with .Values.commonAnnotations }}
{{- toYaml . }}
{{- end }}
{{- end -}}

{{/* Images --------------------------------------------------------------- */}}

{{/* (dict "image" .Values.image "appVersion" .Chart.AppVersion) */}}
{{- define "keygate.imageRef" -}}
{{- $tag := .image.tag | default .appVersion | toString -}}
{{- $repo := .image.repository -}}
{{- if .image.registry -}}{{- $repo = printf "%s/%s" .image.registry .image.repository -}}{{- end -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $repo .image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}
{{- end -}}

{{- define "keygate.api.image" -}}
{{- include "keygate.imageRef" (dict "image" .Values.image "appVersion" .Chart.AppVersion) -}}
{{- end -}}

{{- define "keygate.dashboard.image" -}}
{{- include "keygate.imageRef" (dict "image" .Values.dashboard.image "appVersion" .Chart.AppVersion) -}}
{{- end -}}

{{- define "keygate.postgresql.image" -}}
{{- include "keygate.imageRef" (dict "image" .Values.postgresql.image "appVersion" .Chart.AppVersion) -}}
{{- end -}}

{{/* Service account ------------------------------------------------------ */}}

{{- define "keygate.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "keygate.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Security contexts: the `enabled` switch is not a Kubernetes field */}}
{{- define "keygate.podSecurityContext" -}}
{{- if .Values.podSecurityContext.enabled -}}
{{- toYaml (omit .Values.podSecurityContext "enabled") -}}
{{- end -}}
{{- end -}}

{{- define "keygate.containerSecurityContext" -}}
{{- if .Values.containerSecurityContext.enabled -}}
{{- toYaml (omit .Values.containerSecurityContext "enabled") -}}
{{- end -}}
{{- end -}}
