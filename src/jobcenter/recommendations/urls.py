from django.urls import path

from jobcenter.recommendations import views

app_name = "recommendations"

urlpatterns = [
    path("me/recommendations/", views.my_recommendations, name="mine"),
    path("me/recommendations/saved/", views.saved, name="saved"),
    path("me/recommendations/next-steps/", views.next_steps, name="next-steps"),
    path("me/recommendations/settings/", views.settings_toggle, name="toggle"),
    path("me/recommendations/<int:posting_id>/<str:action>/", views.feedback, name="feedback"),
    path("employer/postings/<int:posting_id>/candidates/", views.posting_candidates, name="candidates"),
]
