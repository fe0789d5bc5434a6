{{/* Names and labels. */}}
{{- define "food.fullname" -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/* Every object's labels; a pod template has food.common + food.selector instead. */}}
{{- define "food.labels" -}}
{{ include "food.common" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "food.common" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
app.kubernetes.io/part-of: food-ordering
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{- define "food.selector" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{- define "food.apiSecret" -}}
{{- .Values.secrets.api.existingSecret | default (printf "%s-api" (include "food.fullname" .)) -}}
{{- end -}}

{{- define "food.paymentsSecret" -}}
{{- .Values.secrets.payments.existingSecret | default (printf "%s-payments" (include "food.fullname" .)) -}}
{{- end -}}

{{/* The store URL the chart puts in its own Secret: Atlas, or the local throwaway MongoDB. */}}
{{- define "food.apiStoreUrl" -}}
{{- if .Values.devMongo.enabled -}}
{{- printf "mongodb://%s-mongo:27017/food?maxPoolSize=20" (include "food.fullname" .) -}}
{{- else -}}
{{- required "atlas.apiUri (mongodb+srv://...) is needed when the chart makes the API's Secret" .Values.atlas.apiUri -}}
{{- end -}}
{{- end -}}

{{- define "food.paymentsStoreUrl" -}}
{{- if .Values.devMongo.enabled -}}
{{- printf "mongodb://%s-mongo:27017/payments" (include "food.fullname" .) -}}
{{- else -}}
{{- required "atlas.paymentsUri (mongodb+srv://...) is needed when the chart makes the payments Secret" .Values.atlas.paymentsUri -}}
{{- end -}}
{{- end -}}

{{/* Checks that fail the render with a reason. */}}
{{- define "food.checks" -}}
{{- $api := .Values.api -}}
{{- $max := $api.replicas -}}
{{- if $api.autoscaling.enabled -}}{{- $max = max $api.replicas $api.autoscaling.maxReplicas -}}{{- end -}}
{{- if gt (add $api.workerIdStart $max) 32 -}}
{{- fail (printf "api: worker ids %d..%d exceed the 32 that order ids have room for (5 bits)" (int $api.workerIdStart) (int (add $api.workerIdStart $max -1))) -}}
{{- end -}}
{{- if lt (int $api.replicas) 2 -}}
{{- fail "api.replicas must be at least 2 (one replica is no high availability)" -}}
{{- end -}}
{{- if and $api.autoscaling.enabled (lt (int $api.autoscaling.minReplicas) 2) -}}
{{- fail "api.autoscaling.minReplicas must be at least 2" -}}
{{- end -}}
{{- if and (eq .Values.environment "production") (not .Values.devMongo.enabled) (not .Values.secrets.api.existingSecret) -}}
{{- if not (hasPrefix "mongodb+srv://" .Values.atlas.apiUri) -}}
{{- fail "atlas.apiUri must be an Atlas mongodb+srv:// URL in production" -}}
{{- end -}}
{{- if not (hasPrefix "mongodb+srv://" .Values.atlas.paymentsUri) -}}
{{- fail "atlas.paymentsUri must be an Atlas mongodb+srv:// URL in production" -}}
{{- end -}}
{{- end -}}
{{- end -}}
