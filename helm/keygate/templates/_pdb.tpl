{{/* PodDisruptionBudget of one component: (dict "ctx" $ "component" "api" "name" "<fullname>") */}}
{{- define "keygate.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ .name }}
  namespace: {{ .ctx.Release.Namespace | quote }}
  labels: {{- include "keygate.componentLabels" (dict "ctx" .ctx "component" .component) | nindent 4 }}
  {{- with .ctx.Values.commonAnnotations }}
  annotations: {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- if .ctx.Values.pdb.minAvailable }}
  minAvailable: {{ .ctx.Values.pdb.minAvailable }}
  {{- else }}
  maxUnavailable: {{ .ctx.Values.pdb.maxUnavailable | default 1 }}
  {{- end }}
  selector:
    matchLabels: {{- include "keygate.componentSelectorLabels" (dict "ctx" .ctx "component" .component) | nindent 6 }}
{{- end -}}
