{{- define "sei-operator.labels" -}}
app.kubernetes.io/name: sei-operator
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
