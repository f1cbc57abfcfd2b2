{{/* Secrets of the API container; everything else comes from the ConfigMap. */}}
{{- define "keygate.api.secretEnv" -}}
{{- $secret := include "keygate.auth.secretName" . -}}
- name: KEYGATE_MASTER_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .Values.auth.existingSecretKeys.masterKey }}
- name: JWT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .Values.auth.existingSecretKeys.jwtSecret }}
{{- if or .Values.auth.existingSecret .Values.auth.previousMasterKeys }}
- name: KEYGATE_PREVIOUS_MASTER_KEYS
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .Values.auth.existingSecretKeys.previousMasterKeys }}
      optional: true
{{- end }}
{{- if include "keygate.auth.hasAdmin" . }}
- name: ADMIN_EMAIL
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .Values.auth.existingSecretKeys.adminEmail }}
      optional: true
- name: ADMIN_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .Values.auth.existingSecretKeys.adminPassword }}
      optional: true
{{- end }}
{{- end -}}
