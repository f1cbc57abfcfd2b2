{{/* Where the API and the migration Job find PostgreSQL: the bundled StatefulSet or the external server. */}}

{{- define "keygate.database.host" -}}
{{- if .Values.postgresql.enabled -}}
{{- include "keygate.postgresql.fullname" . -}}
{{- else -}}
{{- .Values.externalDatabase.host -}}
{{- end -}}
{{- end -}}

{{- define "keygate.database.port" -}}
{{- if .Values.postgresql.enabled -}}5432{{- else -}}{{- .Values.externalDatabase.port -}}{{- end -}}
{{- end -}}

{{- define "keygate.database.name" -}}
{{- if .Values.postgresql.enabled -}}{{- .Values.postgresql.auth.database -}}{{- else -}}{{- .Values.externalDatabase.database -}}{{- end -}}
{{- end -}}

{{- define "keygate.database.user" -}}
{{- if .Values.postgresql.enabled -}}{{- .Values.postgresql.auth.username -}}{{- else -}}{{- .Values.externalDatabase.user -}}{{- end -}}
{{- end -}}

{{- define "keygate.externalDatabase.chartSecretName" -}}
{{- printf "%s-externaldb" (include "keygate.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "keygate.database.secretName" -}}
{{- if .Values.postgresql.enabled -}}
{{- default (include "keygate.postgresql.fullname" .) .Values.postgresql.auth.existingSecret -}}
{{- else -}}
{{- default (include "keygate.externalDatabase.chartSecretName" .) .Values.externalDatabase.existingSecret -}}
{{- end -}}
{{- end -}}

{{- define "keygate.database.secretPasswordKey" -}}
{{- if .Values.postgresql.enabled -}}
{{- if .Values.postgresql.auth.existingSecret -}}{{- .Values.postgresql.auth.existingSecretPasswordKey -}}{{- else -}}password{{- end -}}
{{- else -}}
{{- if .Values.externalDatabase.existingSecret -}}{{- .Values.externalDatabase.existingSecretPasswordKey -}}{{- else -}}password{{- end -}}
{{- end -}}
{{- end -}}

{{/* Env entries giving DATABASE_URL and DATABASE_SSL. The password stays in its Secret: Kubernetes expands
$(DATABASE_PASSWORD) inside DATABASE_URL, so it must be URL-safe (generated passwords are alphanumeric). */}}
{{- define "keygate.database.env" -}}
{{- if and (not .Values.postgresql.enabled) .Values.externalDatabase.existingSecretUrlKey }}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.externalDatabase.existingSecret }}
      key: {{ .Values.externalDatabase.existingSecretUrlKey }}
{{- else }}
- name: DATABASE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "keygate.database.secretName" . }}
      key: {{ include "keygate.database.secretPasswordKey" . }}
- name: DATABASE_URL
  value: {{ printf "postgres://%s:$(DATABASE_PASSWORD)@%s:%s/%s" (include "keygate.database.user" .) (include "keygate.database.host" .) (include "keygate.database.port" .) (include "keygate.database.name" .) | quote }}
{{- end }}
- name: DATABASE_SSL
  value: {{ .Values.database.ssl | toString | quote }}
- name: DATABASE_POOL_MAX
  value: {{ .Values.database.poolMax | toString | quote }}
{{- end -}}
