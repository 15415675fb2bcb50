from ninja import NinjaAPI

api = NinjaAPI(title="jobcenter API", version="1", urls_namespace="api-v1")
